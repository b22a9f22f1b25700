export * from "./framework";
export * from "./people";
export * from "./career";
export * from "./promotion";
export * from "./audit";
export * from "./security";
