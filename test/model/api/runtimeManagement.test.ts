/** R17 (and R19): PutRuntimeManagementConfig's rules, with the API's field names. */
import { describe, expect, it } from 'vitest';
import { MANUAL_LATEST_FROZEN_ERROR, putRuntimeManagementConfig } from '../../../src/model/api/runtimeManagement.js';

const ARN = 'arn:aws:lambda:eu-west-1::runtime:8eeff65f6809a3ce81507fe733fe09b835899b99481ba22fd75b5a7338290ec1';
const caller = { region: 'eu-west-1', accountId: '069549076217', denied: false, exceptionGranted: false };

describe('putRuntimeManagementConfig (R17)', () => {
  it('pins with Manual and an ARN, answering like the source page', () => {
    const r = putRuntimeManagementConfig({ FunctionName: 'myfunction', UpdateRuntimeOn: 'Manual', RuntimeVersionArn: ARN }, caller);
    expect(r).toEqual({
      ok: true,
      response: { UpdateRuntimeOn: 'Manual', FunctionArn: 'arn:aws:lambda:eu-west-1:069549076217:function:myfunction', RuntimeVersionArn: ARN },
    });
  });

  it('Manual requires an ARN', () => {
    const r = putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'Manual' }, caller);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('InvalidParameterValueException');
  });

  it('UpdateRuntimeOn is exactly Auto | FunctionUpdate | Manual', () => {
    expect(putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'auto' }, caller).ok).toBe(false);
    const ok = putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'FunctionUpdate' }, caller);
    expect(ok.ok && ok.response.RuntimeVersionArn).toBeNull();
  });

  it('qualifier is $LATEST or a version number; an alias is rejected', () => {
    expect(putRuntimeManagementConfig({ FunctionName: 'f', Qualifier: 'live', UpdateRuntimeOn: 'Auto' }, caller).ok).toBe(false);
    const v = putRuntimeManagementConfig({ FunctionName: 'f', Qualifier: '7', UpdateRuntimeOn: 'Auto' }, caller);
    expect(v.ok && v.response.FunctionArn).toBe('arn:aws:lambda:eu-west-1:069549076217:function:f:7');
  });

  it("the ARN must be a runtime version ARN of the function's region (R6)", () => {
    const other = ARN.replace('eu-west-1', 'us-east-1');
    expect(putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'Manual', RuntimeVersionArn: other }, caller).ok).toBe(false);
    expect(putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'Manual', RuntimeVersionArn: 'arn:aws:lambda:eu-west-1::runtime:xyz' }, caller).ok).toBe(false);
  });

  it('R19: denied without an exception, allowed with one', () => {
    const denied = putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'Manual', RuntimeVersionArn: ARN }, { ...caller, denied: true });
    expect(denied.ok || denied.error.code).toBe('AccessDeniedException');
    expect(putRuntimeManagementConfig({ FunctionName: 'f', UpdateRuntimeOn: 'Manual', RuntimeVersionArn: ARN }, { ...caller, denied: true, exceptionGranted: true }).ok).toBe(true);
  });

  it('R13 error text is the real one', () => {
    expect(MANUAL_LATEST_FROZEN_ERROR).toBe(
      "InvalidParameterValueException: Cannot change runtime identifier when runtime management configuration is set to 'Manual'. Change the runtime management configuration to 'Auto' or 'FunctionUpdate', then retry.",
    );
  });
});

describe('updateFunctionConfiguration (R13)', async () => {
  const { updateFunctionConfiguration } = await import('../../../src/model/api/runtimeManagement.js');
  it('refuses an architecture change while $LATEST is Manual, with the real error, and allows it otherwise', () => {
    const refused = updateFunctionConfiguration({ FunctionName: 'f', Architectures: ['arm64'] }, 'Manual');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(`${refused.error.code}: ${refused.error.message}`).toBe(MANUAL_LATEST_FROZEN_ERROR);
    expect(updateFunctionConfiguration({ FunctionName: 'f', Architectures: ['arm64'] }, 'Auto').ok).toBe(true);
    expect(updateFunctionConfiguration({ FunctionName: 'f' }, 'Manual').ok).toBe(true); // nothing frozen is changed
  });
});
