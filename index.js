// n8n loads this package through the "n8n" section of package.json (dist/nodes, dist/credentials);
// nothing is exported from the package root.
module.exports = {};
