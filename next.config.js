/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, don't bundle it
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
