export * from "./users";
export * from "./tokens";
export * from "./services";
export * from "./audit";
export * from "./rate-limits";
export * from "./breakers";
export * from "./modes";
export * from "./alerts";
