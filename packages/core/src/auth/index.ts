export { coreMigrations } from "./migrations.js";
export { type ApiToken, type CreatedToken, TokenRepository } from "./token-repository.js";
export { type User, UserRepository } from "./user-repository.js";
