// Moved to nodes/shared/createOnce.ts (both nodes use it).
export * from '../../shared/createOnce';
