import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own WebAssembly and data files; loading it from node_modules keeps them intact.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: true,
  experimental: {
    // A people CSV may be up to 1 MB; the default limit for a server action body is 1 MB in all.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
