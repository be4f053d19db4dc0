export * from './lib/product';
export * from './lib/health';
export * from './lib/problem';
export * from './lib/page';
export * from './lib/school-forms';
export * from './lib/school-unit-code';
export * from './lib/decision-reasons';
export * from './lib/municipality-wide-services';
