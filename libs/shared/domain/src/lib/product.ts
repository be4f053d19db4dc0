/** The product's name as users see it. */
export const PRODUCT_NAME = 'Licensregistret';
