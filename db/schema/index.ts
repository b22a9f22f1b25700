export * from "./framework";
export * from "./people";
export * from "./career";
export * from "./promotion";
export * from "./growth";
export * from "./audit";
export * from "./security";
