/** Public API of @uplift/measure; filled in by its issue (see docs/architecture.md). */
export {};
