/** Public API of @uplift/kb; filled in by its issue (see docs/architecture.md). */
export {};
