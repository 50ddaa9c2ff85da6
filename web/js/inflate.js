// gzip's inflater for a browser without DecompressionStream, bundled apart
// into web/inflate.js and loaded only there (web/js/pack.js): fflate's
// gunzip, 4 kB minified, which no other browser loads.
import { gunzipSync } from "fflate";

self.nianbaoGunzip = gunzipSync;
