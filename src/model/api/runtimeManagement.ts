/**
 * The Lambda API calls owners make, with the rules the service enforces (R13, R17, R19).
 * Requests and responses use the API's own field names.
 */
import { RUNTIME_VERSION_ARN_PATTERN } from '../catalog/arn.js';

export const UPDATE_RUNTIME_ON = ['Auto', 'FunctionUpdate', 'Manual'] as const;

export interface PutRuntimeManagementConfigRequest {
  readonly FunctionName: string;
  /** `$LATEST` (default) or a published version number; aliases are rejected (R17). */
  readonly Qualifier?: string;
  readonly UpdateRuntimeOn: string;
  readonly RuntimeVersionArn?: string;
}

export interface PutRuntimeManagementConfigResponse {
  readonly UpdateRuntimeOn: (typeof UPDATE_RUNTIME_ON)[number];
  readonly FunctionArn: string;
  /** The pinned version's ARN with Manual, else null (R17). */
  readonly RuntimeVersionArn: string | null;
}

export interface ApiError {
  readonly code: 'InvalidParameterValueException' | 'AccessDeniedException';
  readonly message: string;
}

export type ApiResult<T> = { readonly ok: true; readonly response: T } | { readonly ok: false; readonly error: ApiError };

export interface CallerContext {
  readonly region: string;
  readonly accountId: string;
  /** R19: PutRuntimeManagementConfig is denied by IAM or an SCP… */
  readonly denied: boolean;
  /** …unless a case-by-case exception was granted. */
  readonly exceptionGranted: boolean;
}

const invalid = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'InvalidParameterValueException', message } });

export function putRuntimeManagementConfig(
  req: PutRuntimeManagementConfigRequest,
  caller: CallerContext,
): ApiResult<PutRuntimeManagementConfigResponse> {
  if (caller.denied && !caller.exceptionGranted) {
    return {
      ok: false,
      error: {
        code: 'AccessDeniedException',
        message: `User is not authorized to perform: lambda:PutRuntimeManagementConfig on resource: ${req.FunctionName} with an explicit deny in a service control policy`,
      },
    };
  }
  const mode = UPDATE_RUNTIME_ON.find((m) => m === req.UpdateRuntimeOn);
  if (mode === undefined) {
    return invalid(`1 validation error detected: Value '${req.UpdateRuntimeOn}' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, FunctionUpdate, Manual]`);
  }
  const qualifier = req.Qualifier ?? '$LATEST';
  if (qualifier !== '$LATEST' && !/^[0-9]+$/.test(qualifier)) {
    return invalid(`Unsupported qualifier ${qualifier}: the runtime management configuration applies to $LATEST or a published version, not an alias`);
  }
  if (mode === 'Manual') {
    if (req.RuntimeVersionArn === undefined) return invalid('RuntimeVersionArn is required when UpdateRuntimeOn is Manual');
    if (!RUNTIME_VERSION_ARN_PATTERN.test(req.RuntimeVersionArn)) return invalid(`Invalid runtime version ARN: ${req.RuntimeVersionArn}`);
    if (!req.RuntimeVersionArn.startsWith(`arn:aws:lambda:${caller.region}::runtime:`)) {
      return invalid(`Runtime version ARN ${req.RuntimeVersionArn} is not in the function's region ${caller.region}`);
    }
  } else if (req.RuntimeVersionArn !== undefined) {
    return invalid('RuntimeVersionArn can only be given when UpdateRuntimeOn is Manual');
  }
  const functionArn = `arn:aws:lambda:${caller.region}:${caller.accountId}:function:${req.FunctionName}${qualifier === '$LATEST' ? '' : `:${qualifier}`}`;
  return { ok: true, response: { UpdateRuntimeOn: mode, FunctionArn: functionArn, RuntimeVersionArn: mode === 'Manual' ? req.RuntimeVersionArn! : null } };
}

/** R13: the error Lambda returns for an architecture or runtime change while $LATEST is Manual (real text). */
export const MANUAL_LATEST_FROZEN_ERROR =
  "InvalidParameterValueException: Cannot change runtime identifier when runtime management configuration is set to 'Manual'. Change the runtime management configuration to 'Auto' or 'FunctionUpdate', then retry.";

export interface UpdateFunctionConfigurationRequest {
  readonly FunctionName: string;
  readonly Architectures?: readonly ('x86_64' | 'arm64')[];
  readonly Runtime?: string;
}

/**
 * UpdateFunctionConfiguration, as far as runtime management goes (R13): while `$LATEST` is
 * Manual, its architecture and runtime identifier are frozen.
 */
export function updateFunctionConfiguration(
  req: UpdateFunctionConfigurationRequest,
  latestUpdateRuntimeOn: (typeof UPDATE_RUNTIME_ON)[number],
): ApiResult<{ readonly FunctionName: string }> {
  const changesFrozen = req.Architectures !== undefined || req.Runtime !== undefined;
  if (latestUpdateRuntimeOn === 'Manual' && changesFrozen) {
    return { ok: false, error: { code: 'InvalidParameterValueException', message: MANUAL_LATEST_FROZEN_ERROR.replace(/^InvalidParameterValueException: /, '') } };
  }
  return { ok: true, response: { FunctionName: req.FunctionName } };
}
