// Draws an SVG document onto a canvas and returns the PNG as base64, for "Export PNG". The SVG is
// loaded as an image from a data: URL (the panel's CSP allows data: images and nothing else), so
// it cannot run script or fetch anything while it is drawn.

/** Chromium refuses canvases much larger than this in either direction or in area. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export function rasterScale(width: number, height: number, wanted: number): number {
  const bySide = Math.min(MAX_SIDE / width, MAX_SIDE / height);
  const byArea = Math.sqrt(MAX_AREA / (width * height));
  return Math.max(0.05, Math.min(wanted, bySide, byArea));
}

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function svgToPngBase64(doc: Document, svg: string, width: number, height: number, wantedScale: number): Promise<string> {
  const scale = rasterScale(width, height, wantedScale);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the SVG could not be loaded as an image'));
  });
  image.src = `data:image/svg+xml;base64,${utf8Base64(svg)}`;
  await loaded;
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  // The exported SVG uses the light palette; a white ground keeps it readable in any viewer.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  const prefix = 'data:image/png;base64,';
  if (!url.startsWith(prefix)) throw new Error('the canvas did not produce a PNG');
  return url.slice(prefix.length);
}
