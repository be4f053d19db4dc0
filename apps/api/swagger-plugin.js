/**
 * The @nestjs/swagger compiler plugin, one set of options for the webpack build and ts-jest, so
 * the built API and the tests serve the same OpenAPI document. It reads the TypeScript types of
 * the classes in `*.dto.ts` (properties, `| null`, string-literal unions, class-validator limits)
 * and of the controllers (return types, JSDoc as the operation's summary).
 */
const plugin = require('@nestjs/swagger/plugin');

const options = {
  dtoFileNameSuffix: ['.dto.ts'],
  controllerFileNameSuffix: ['.controller.ts'],
  classValidatorShim: true,
  introspectComments: true,
};

module.exports = {
  options,
  // ts-jest's astTransformers interface.
  name: 'nestjs-swagger-plugin',
  version: 1,
  // ts-jest's `program` is the one its language service started with; the file being compiled
  // belongs to the service's current one, whose type checker the plugin must ask.
  factory: (tsCompiler) =>
    plugin.before(options, tsCompiler._languageService?.getProgram() ?? tsCompiler.program),
};
