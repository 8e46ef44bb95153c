/**
 * Security headers on every response: the app may be exposed on an office network.
 * Next.js hydrates with inline scripts and recharts sets inline styles, hence 'unsafe-inline';
 * nothing is ever loaded from another origin.
 */
const securityHeaders = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join("; "),
  },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // the bench builds and serves from its own folder (NIANBAO_DIST_DIR=.next-bench), beside a build of .next
  distDir: process.env.NIANBAO_DIST_DIR || ".next",
  // better-sqlite3 is a native addon: load it from node_modules at run time, don't bundle it
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
