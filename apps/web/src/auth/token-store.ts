const KEY = "uplift.apiToken";

/** The API token kept in localStorage between visits; cleared on logout or when rejected. */
export const tokenStore = {
  read(): string | undefined {
    return localStorage.getItem(KEY) ?? undefined;
  },
  write(token: string): void {
    localStorage.setItem(KEY, token);
  },
  clear(): void {
    localStorage.removeItem(KEY);
  },
};
