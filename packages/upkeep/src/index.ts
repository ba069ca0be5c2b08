/** Public API of @uplift/upkeep; filled in by its issue (see docs/architecture.md). */
export {};
