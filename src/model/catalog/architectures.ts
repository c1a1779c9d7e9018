/** CPU architectures of Lambda functions; every supported runtime supports both (domain.md). */
export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type ArchitectureName = (typeof ARCHITECTURES)[number];

/** Deployment package types. Image functions follow R3. */
export const PACKAGE_TYPES = ['Zip', 'Image'] as const;
export type PackageTypeName = (typeof PACKAGE_TYPES)[number];

/** The three runtime update modes, exactly as the API spells them (R7, R17). */
export const UPDATE_MODES = ['Auto', 'FunctionUpdate', 'Manual'] as const;
export type UpdateModeName = (typeof UPDATE_MODES)[number];
