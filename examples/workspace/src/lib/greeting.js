exports.greeting = (path) => `Hello from the Dockwise example service (${path})\n`;
