// sharp's side of FormatsBench: encodes reference PNGs as JPEG, WebP and AVIF with sharp 0.34.5 at
// the options the sharp peer uses (JPEG) and at sharp's defaults (WebP, AVIF; AVIF once more at
// 4:2:0), times each encode and writes the files for the Java side to decode and score.
//
//   node sharp-encode.mjs [--app DIR] [--out DIR] [--repeat N] [ref.png ...]
//
// With PNG paths: encodes each N times and prints one JSON line per PNG. Without: reads one PNG
// path per line on stdin and answers each with one JSON line, so FormatsBench can alternate its
// own encodes with sharp's in one warm process.
// Each line: {"png", "width", "height", "versions": {sharp, vips, heif, aom, webp}, "concurrency",
// and per output ("jpeg", "webp", "avif", "avif420"): {"bytes", "file", "ms": [...], "cpuMs": [...],
// "medianMs"}. cpuMs is the whole process's CPU time during the encode: sharp works on libuv and
// libvips threads, not on this one.
//
// sharp is loaded from the sharp-upload peer's install (--app, default
// ${NWS_PEERS_CACHE:-~/.cache/nws-peers}/sharp-upload/app), never from this repository.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { homedir } from 'node:os';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';

const OPTIONS = {
  // Exactly the sharp peer's JPEG (server.js); sharp's own default optimiseCoding (true) stays.
  jpeg: { file: 'sharp.jpg', apply: (s) => s.jpeg({ quality: 80, mozjpeg: false, progressive: false, chromaSubsampling: '4:2:0' }) },
  webp: { file: 'sharp.webp', apply: (s) => s.webp({ quality: 80, effort: 4 }) },
  // sharp's defaults spelled out; its chromaSubsampling default stays (4:4:4).
  avif: { file: 'sharp.avif', apply: (s) => s.avif({ quality: 50, effort: 4 }) },
  // The same at 4:2:0, as the service writes AVIF: luma SSIM does not see the chroma that 4:4:4
  // pays for, so this is the like-for-like one.
  avif420: { file: 'sharp-420.avif', apply: (s) => s.avif({ quality: 50, effort: 4, chromaSubsampling: '4:2:0' }) },
};

function parseArgs(argv) {
  const cache = process.env.NWS_PEERS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nws-peers');
  const args = { app: join(cache, 'sharp-upload', 'app'), out: '.', repeat: 1, pngs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--app') args.app = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--repeat') args.repeat = Number(argv[++i]);
    else args.pngs.push(a);
  }
  if (!Number.isInteger(args.repeat) || args.repeat < 1) {
    throw new Error(`--repeat must be a positive integer, got '${args.repeat}'`);
  }
  return args;
}

function loadSharp(app) {
  try {
    return createRequire(join(app, 'package.json'))('sharp');
  } catch (e) {
    throw new Error(`sharp not found in ${app}/node_modules (${e.message}); ` +
      'run scripts/formats-bench.sh, which installs it through the sharp-upload peer');
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function encodeOnce(sharp, raw, format) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const data = await OPTIONS[format].apply(sharp(raw.data, { raw: raw.info })).toBuffer();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { data, ms, cpuMs: (used.user + used.system) / 1000 };
}

// Decoded once per PNG: only the encodes are timed.
const decoded = new Map();

async function pixels(sharp, png) {
  if (!decoded.has(png)) {
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    decoded.set(png, { data, info: { width: info.width, height: info.height, channels: info.channels } });
  }
  return decoded.get(png);
}

async function encodeAll(sharp, png, args) {
  const raw = await pixels(sharp, png);
  const { sharp: version, vips, heif, aom, webp } = sharp.versions;
  const line = {
    png, width: raw.info.width, height: raw.info.height,
    versions: { sharp: version, vips, heif, aom, webp }, concurrency: sharp.concurrency(),
  };
  for (const format of Object.keys(OPTIONS)) {
    const runs = [];
    for (let i = 0; i < args.repeat; i++) runs.push(await encodeOnce(sharp, raw, format));
    const file = join(args.out, `${basename(png, '.png')}.${OPTIONS[format].file}`);
    writeFileSync(file, runs[runs.length - 1].data);
    const ms = runs.map((r) => r.ms);
    line[format] = { bytes: runs[runs.length - 1].data.length, file, ms, cpuMs: runs.map((r) => r.cpuMs), medianMs: median(ms) };
  }
  return JSON.stringify(line);
}

const args = parseArgs(process.argv.slice(2));
const sharp = loadSharp(args.app);
// As the peer: no libvips operation cache, so every encode does the full work.
sharp.cache(false);
mkdirSync(args.out, { recursive: true });
if (args.pngs.length > 0) {
  for (const png of args.pngs) console.log(await encodeAll(sharp, png, args));
} else {
  for await (const png of createInterface({ input: process.stdin })) {
    if (png.trim()) console.log(await encodeAll(sharp, png.trim(), args));
  }
}
