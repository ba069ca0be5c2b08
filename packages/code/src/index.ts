/** Public API of @uplift/code; filled in by its issue (see docs/architecture.md). */
export {};
