import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const oneDoorToTheData = {
  group: ["@/db", "@/db/*", "**/db/*", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*"],
  message: "Pages and components read and write through the data-access layer in lib/data.",
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"],
  },
  {
    // One door to the data: only the data-access layer, the database package, scripts and tests open the database.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [oneDoorToTheData] }],
    },
  },
  {
    // Shared components take server actions as props; a form that one route uses lives beside that route.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            oneDoorToTheData,
            { group: ["@/app", "@/app/*", "**/app/*"], message: "Components are shared by routes: take server actions as props instead of importing them from app/." },
          ],
        },
      ],
    },
  },
];

export default config;
