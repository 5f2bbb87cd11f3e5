// Build step for assets that npm packages do not ship ready to serve (`npm run build`, run by dev.py):
// - one stylesheet per direction/script, the only one a page loads (one render-blocking request):
//   Bootstrap Italia reduced to the rules the templates use (PurgeCSS: 600 KB -> ~100 KB), followed by
//   the portal's own rules (assets/portal.css, the apps' static/**/*.css), minified; a right-to-left
//   version of it for Arabic pages (Bootstrap Italia has no RTL build; rtlcss);
// - the small script the public pages need (see assets/portal.js), bundled with esbuild;
// - only the woff2 files of the Arabic and Simplified Chinese webfonts the site uses (fontsource
//   packages carry every weight in two formats: tens of megabytes), declared in the RTL (Arabic)
//   and zh-hans stylesheets.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildSync, transformSync } from "esbuild";
import { PurgeCSS } from "purgecss";
import rtlcss from "rtlcss";

const out = "static_build";
// The project's Django apps: every top-level folder with an apps.py (no list to keep in step).
const appNames = readdirSync(".").filter((name) => existsSync(`${name}/apps.py`));
const apps = `{${appNames.join(",")}}`;
mkdirSync(`${out}/css`, { recursive: true });

const [purged] = await new PurgeCSS().purge({
  // Everything that can name a CSS class: templates, Python (form widgets, block templates), scripts.
  content: [
    "templates/**/*.html",
    `${apps}/templates/**/*.html`,
    `${apps}/**/*.py`,
    `${apps}/static/**/*.js`,
    "assets/*.js",
    "node_modules/bootstrap-italia/src/js/plugins/navbar-collapsible.js",
    "node_modules/bootstrap-italia/src/js/plugins/util/*.js",
  ],
  css: ["node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css"],
  // Classes added at run time by scripts or by state.
  safelist: {
    standard: [/^show$/, /^expanded$/, /^fade$/, /^active$/, /^disabled$/, /^is-/, /^was-validated$/, /^focus--/],
    greedy: [/^navbar-/, /^close-div/, /^menu-wrapper/],
  },
  variables: true,
  keyframes: true,
  // @font-face rules no kept rule uses (the video player's icon font, inlined: 7 KB).
  fontFace: true,
});
// The source map describes the full file: drop the reference to it. Lora (Bootstrap Italia's serif,
// set on hero paragraphs, callouts and card text only) is not loaded: those keep the page's font.
const bootstrap = purged.css
  .replace(/^\uFEFF/, "")
  .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "")
  .replaceAll('font-family:"Lora",Georgia,serif', "font-family:inherit");
// The portal's own rules come last (they override Bootstrap Italia's), the apps' in a stable order.
const own = ["assets/portal.css", ...appNames.sort().flatMap((app) => cssFiles(`${app}/static`))];
const merged = bootstrap + own.map((file) => readFileSync(file, "utf8")).join("\n");
const minify = (css) => transformSync(css, { loader: "css", minify: true, logLevel: "warning" }).code;
const ltr = minify(merged);
const rtl = rtlcss.process(ltr);
writeFileSync(`${out}/css/bootstrap-italia.min.css`, ltr);
console.log(`wrote ${out}/css/bootstrap-italia.min.css (${Math.round(ltr.length / 1024)} KB: ${own.join(", ")})`);

function cssFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(".css"))
    .sort()
    .map((name) => `${dir}/${name}`);
}

buildSync({
  entryPoints: ["assets/portal.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  outfile: `${out}/js/portal.min.js`,
  logLevel: "warning",
});
console.log(`wrote ${out}/js/portal.min.js`);

// Arabic and Chinese pages get their webfont's @font-face rules inside their own stylesheet (no extra
// render-blocking request). "optional": a font that arrives late is used from the next page on
// instead of re-laying out the page under the reader's eyes.
const fonts = {
  "noto-sans-arabic": { weights: ["400", "700"], stylesheet: "bootstrap-italia.rtl.min.css", base: rtl },
  "noto-sans-sc": { weights: ["400"], stylesheet: "bootstrap-italia.zh-hans.min.css", base: ltr },
};
for (const [family, { weights, stylesheet, base }] of Object.entries(fonts)) {
  const dir = `${out}/fonts/${family}`;
  mkdirSync(dir, { recursive: true });
  let css = "";
  for (const weight of weights) {
    const source = readFileSync(`node_modules/@fontsource/${family}/${weight}.css`, "utf8");
    // Keep the woff2 source only (every browser the portals support reads it).
    const rewritten = source
      .replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, "")
      .replaceAll("font-display: swap", "font-display: optional");
    for (const [, file] of rewritten.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)) {
      copyFileSync(`node_modules/@fontsource/${family}/files/${file}`, `${dir}/${file}`);
    }
    css += rewritten.replaceAll("./files/", `../fonts/${family}/`);
  }
  writeFileSync(`${out}/css/${stylesheet}`, minify(css) + base);
  console.log(`wrote ${out}/css/${stylesheet} with the ${family} font`);
}
