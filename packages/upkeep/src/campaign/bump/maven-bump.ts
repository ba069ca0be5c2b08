import { changedLine, type ManifestBumper, type ManifestRewrite } from "./types.js";

/**
 * pom.xml: the `<dependency>` (or dependencyManagement entry) whose `groupId:artifactId` is the
 * target gets the new `<version>`; a `${property}` version changes the property instead.
 */
export const mavenBumper: ManifestBumper = {
  matches: (name) => name === "pom.xml",
  rewrite(file, text, target): ManifestRewrite | undefined {
    const [groupId, artifactId] = target.package.split(":");
    if (!groupId || !artifactId) return undefined;
    const blocks = /<dependency>([\s\S]*?)<\/dependency>/g;
    for (let m = blocks.exec(text); m; m = blocks.exec(text)) {
      const body = m[1] ?? "";
      if (tag(body, "groupId") !== groupId || tag(body, "artifactId") !== artifactId) continue;
      const version = tag(body, "version");
      if (version === undefined) continue;
      const property = /^\$\{([^}]+)\}$/.exec(version)?.[1];
      let after: string;
      if (property) {
        const prop = new RegExp(`(<${escapeRegExp(property)}>)([^<]*)(</${escapeRegExp(property)}>)`);
        const current = prop.exec(text)?.[2];
        if (current === undefined || current === target.to) return undefined;
        after = text.replace(prop, `$1${target.to}$3`);
        return result(file, text, after, target.package, current, target.to);
      }
      if (version === target.to) return undefined;
      const start = m.index + m[0].indexOf(body);
      const newBody = body.replace(/(<version>)[^<]*(<\/version>)/, `$1${target.to}$2`);
      after = text.slice(0, start) + newBody + text.slice(start + body.length);
      return result(file, text, after, target.package, version, target.to);
    }
    return undefined;
  },
};

function tag(body: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(body)?.[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function result(
  file: string,
  before: string,
  after: string,
  pkg: string,
  from: string,
  to: string,
): ManifestRewrite {
  return { file, text: after, edit: { file, package: pkg, from, to, ...changedLine(before, after) } };
}
