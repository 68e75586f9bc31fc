// Copies src/ to dist/ (stands in for a real bundler).
const fs = require('node:fs');
fs.cpSync('src', 'dist', { recursive: true });
