// Copies node and credential icons next to the compiled code, where n8n looks for them.
const { src, dest, parallel } = require('gulp');

const nodeIcons = () => src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
const credentialIcons = () => src('credentials/**/*.{png,svg}', { allowEmpty: true }).pipe(dest('dist/credentials'));

exports['build:icons'] = parallel(nodeIcons, credentialIcons);
