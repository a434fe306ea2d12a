export interface FerretBuildResult { binary: string; built: boolean; seconds: number }
export function ensureFerretBuild(options?: { log?: (message: string) => void }): FerretBuildResult;
export function isBuildCurrent(): boolean;
export const BINARY: string;
export const NO_GO_MESSAGE: string;
