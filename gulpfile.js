const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc compiles the TypeScript; this copies what tsc does not, the SVG/PNG icons of nodes
// and credentials, into dist/ with the same folder layout.
const copyFrom = (folder) =>
	function copyIcons() {
		return src(path.join(folder, '**', '*.{png,svg}'), { encoding: false }).pipe(
			dest(path.join('dist', folder)),
		);
	};

task('build:icons', parallel(copyFrom('nodes'), copyFrom('credentials')));
