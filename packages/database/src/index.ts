/** @ormdoc/database: live database introspection into the ormdoc IR. */
export {};
