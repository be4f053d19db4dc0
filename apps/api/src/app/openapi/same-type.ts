/**
 * `true` when A and B are mutually assignable. Where a response class cannot simply `implements`
 * a domain type (a union), `type _ = Assert<Same<Dto, DomainType>>` keeps the two in step.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
