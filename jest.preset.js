const { nxPreset } = require('@nx/jest/preset');

module.exports = {
  ...nxPreset,
  reporters: ['default', require.resolve('./tools/jest/result-file-reporter.js')],
};
