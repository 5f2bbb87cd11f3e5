// Build step for assets that npm packages do not ship ready to serve (run by `npm run build`):
// - Bootstrap Italia has no right-to-left build: generate one with rtlcss for Arabic pages;
// - copy only the woff2 files of the Arabic and Simplified Chinese webfonts that the site uses
//   (fontsource packages carry every weight in two formats: tens of megabytes).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import rtlcss from "rtlcss";

const out = "static_build";
mkdirSync(`${out}/css`, { recursive: true });
const ltr = readFileSync("node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css", "utf8");
writeFileSync(`${out}/css/bootstrap-italia.rtl.min.css`, rtlcss.process(ltr));
console.log(`wrote ${out}/css/bootstrap-italia.rtl.min.css`);

const fonts = { "noto-sans-arabic": ["400", "700"], "noto-sans-sc": ["400"] };
for (const [family, weights] of Object.entries(fonts)) {
  const dir = `${out}/fonts/${family}`;
  mkdirSync(dir, { recursive: true });
  let css = "";
  for (const weight of weights) {
    const source = readFileSync(`node_modules/@fontsource/${family}/${weight}.css`, "utf8");
    // Keep the woff2 source only (every browser the portals support reads it).
    const rewritten = source.replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, "");
    for (const [, file] of rewritten.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)) {
      copyFileSync(`node_modules/@fontsource/${family}/files/${file}`, `${dir}/${file}`);
    }
    css += rewritten.replaceAll("./files/", "./");
  }
  writeFileSync(`${dir}/font.css`, css);
  console.log(`wrote ${dir}/font.css`);
}
