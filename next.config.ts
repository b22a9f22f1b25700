import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT } from "./lib/request-limits";

const nextConfig: NextConfig = {
  // PGlite ships its own WebAssembly and data files; loading it from node_modules keeps them intact.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: true,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
  },
};

export default nextConfig;
