import type { Ecosystem } from "../types.js";
import { normalizePythonName } from "../versions/pep440-version.js";
import type { OsvAffected, OsvRecord } from "./osv-schema.js";

/** One `affected` entry of an advisory, indexed under its package. */
export interface IndexedAffected {
  record: OsvRecord;
  affected: OsvAffected;
}

const ECOSYSTEMS: Record<string, Ecosystem> = { npm: "npm", pypi: "PyPI", maven: "Maven", go: "Go" };

/** OSV ecosystem names (`npm`, `PyPI`, `Maven`, `Go`, also `Maven:https://…`) → ours; others undefined. */
export function ecosystemOf(osvEcosystem: string): Ecosystem | undefined {
  const base = osvEcosystem.split(":")[0]?.trim().toLowerCase() ?? "";
  return ECOSYSTEMS[base];
}

/** How a package name is compared within an ecosystem (PyPI names are PEP 503-normalised). */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}\u0000${ecosystem === "PyPI" ? normalizePythonName(name) : name}`;
}

/** Advisories indexed by ecosystem + package name, so a scan looks each dependency up once. */
export class AdvisoryIndex {
  private readonly byPackage = new Map<string, IndexedAffected[]>();
  /** Advisory records added (one record may affect several packages). */
  records = 0;

  add(record: OsvRecord): { indexed: number; gitRanges: number; otherEcosystems: number } {
    let indexed = 0;
    let gitRanges = 0;
    let otherEcosystems = 0;
    this.records++;
    for (const affected of record.affected ?? []) {
      gitRanges += (affected.ranges ?? []).filter((r) => r.type === "GIT").length;
      const pkg = affected.package;
      const ecosystem = pkg && ecosystemOf(pkg.ecosystem);
      if (!pkg || !ecosystem) {
        otherEcosystems++;
        continue;
      }
      const key = packageKey(ecosystem, pkg.name);
      const list = this.byPackage.get(key);
      if (list) list.push({ record, affected });
      else this.byPackage.set(key, [{ record, affected }]);
      indexed++;
    }
    return { indexed, gitRanges, otherEcosystems };
  }

  lookup(ecosystem: Ecosystem, name: string): readonly IndexedAffected[] {
    return this.byPackage.get(packageKey(ecosystem, name)) ?? [];
  }

  get packages(): number {
    return this.byPackage.size;
  }
}
