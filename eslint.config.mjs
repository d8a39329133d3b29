// The architecture's fences, kept by the linter rather than hoped for (see ../shared/STYLE.md):
// components only render, app/ only wires requests to lib/domain, the SDK a service embeds carries
// nothing of the server, and the browser's bundle reaches no database code.
import tseslint from "typescript-eslint";

const pureDomain = ["metrics/report-series", "config/json-schema", "config/rebase", "routing/tree", "routing/matchers", "routing/describe-matcher", "access/roles", "alerts/generator-link"];

const serverOnly = [
  { group: ["@/lib/db/*", "postgres", "drizzle-orm", "drizzle-orm/*"], message: "Components render; data comes from lib/domain through a page or a route." },
  { group: ["@/lib/auth/*", "@/lib/jobs/*", "@/lib/env", "@/lib/http/*"], message: "Server modules stay out of components." },
  { regex: "^next-auth(/next|/providers/.*)?$", message: "next-auth's server half stays out of components; next-auth/react is theirs." },
  { group: ["@/app/*", "@/app/**"], message: "app/ wires components, never the other way round." },
  { group: ["@/lib/domain/mutation", "@/drizzle/*"], message: "The write path and the tables stay on the server." },
  {
    // Components take the domain's types; its values only from the pure modules the browser may run.
    regex: `^@/lib/domain/(?!(${pureDomain.join("|")})$)`,
    allowTypeImports: true,
    message: "Only pure domain modules reach components; move the pure part into one, or pass the value in as a prop.",
  },
];

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".next-test/**", ".next-bench/**", ".data/**", "drizzle/migrations/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: { "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }] },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: serverOnly }],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/drizzle/*", "drizzle-orm", "drizzle-orm/*", "postgres"], message: "app/ reaches tables only through lib/domain." },
            { group: ["@/lib/jobs/*"], message: "Jobs start in instrumentation, not from a request." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/sdk/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*", "../*", "next", "next/*", "postgres", "drizzle-orm", "drizzle-orm/*"], message: "The SDK a service embeds imports nothing of the console's server." }] },
      ],
    },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*", "next/*", "next", "react", "react-dom"], message: "The rules know nothing of pages, components or the framework." },
            { group: ["@/lib/http/*", "@/lib/jobs/*"], message: "The domain is called by routes and jobs, never the reverse." },
          ],
        },
      ],
    },
  },
);
