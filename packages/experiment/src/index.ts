/** Public API of @uplift/experiment; filled in by its issue (see docs/architecture.md). */
export {};
