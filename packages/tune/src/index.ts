/** Public API of @uplift/tune; filled in by its issue (see docs/architecture.md). */
export {};
