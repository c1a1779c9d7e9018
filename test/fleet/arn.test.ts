/** ARNs as aws-shapes.md gives them: function ARNs with and without qualifier, alias ARNs, runtime version ARNs (R4). */
import { describe, expect, it } from 'vitest';
import { compareQualifiers, parseFunctionArn, parseRuntimeVersionArn, qualifierKind } from '../../src/fleet/arn.js';
import { recognise } from '../../src/fleet/shapes.js';

describe('ARNs', () => {
  it('function ARN without and with a qualifier', () => {
    expect(parseFunctionArn('arn:aws:lambda:us-west-2:123456789012:function:my-function')).toEqual({
      partition: 'aws', region: 'us-west-2', account: '123456789012', name: 'my-function', qualifier: undefined,
      unqualified: 'arn:aws:lambda:us-west-2:123456789012:function:my-function',
    });
    expect(parseFunctionArn('arn:aws:lambda:us-west-2:123456789012:function:my-function:7')?.qualifier).toBe('7');
    expect(parseFunctionArn('arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST')?.qualifier).toBe('$LATEST');
    expect(parseFunctionArn('arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f')?.partition).toBe('aws-us-gov');
  });

  it('alias ARN (the example of aws-shapes.md) and qualifier kinds', () => {
    const alias = parseFunctionArn('arn:aws:lambda:us-west-2:123456789012:function:my-function:LIVE')!;
    expect([alias.qualifier, qualifierKind(alias.qualifier!)]).toEqual(['LIVE', 'alias']);
    expect([qualifierKind('$LATEST'), qualifierKind('12'), qualifierKind('012')]).toEqual(['latest', 'version', 'alias']);
  });

  it('refuses what is not a function ARN', () => {
    for (const bad of ['arn:aws:lambda:us-west-2:12345:function:f', 'arn:aws:lambda:us-west-2:123456789012:layer:f', 'arn:aws:s3:::bucket', 'my-function', 42, null]) {
      expect(parseFunctionArn(bad), String(bad)).toBeUndefined();
    }
  });

  it('runtime version ARN: region, empty account field (R4)', () => {
    const id = '0cdcfbdefbc5e7d3343f73c2e2dd6ce0ab3ae0a9bfa7c0a24c6bdcf2b6ff2d75';
    expect(parseRuntimeVersionArn(`arn:aws:lambda:ap-east-2::runtime:${id}`)).toEqual({ partition: 'aws', region: 'ap-east-2', id });
    expect(parseRuntimeVersionArn(`arn:aws:lambda:ap-east-2:123456789012:runtime:${id}`)).toBeUndefined();
  });

  it('orders qualifiers $LATEST first, then numerically', () => {
    expect(['10', '$LATEST', '9', '1'].sort(compareQualifiers)).toEqual(['$LATEST', '1', '9', '10']);
  });
});

describe('shapes', () => {
  it('recognises each output by its keys, not its name', () => {
    expect(recognise({ Functions: [], NextMarker: 'x' }).shape).toBe('list-functions');
    expect(recognise({ Versions: [] }).shape).toBe('list-versions-by-function');
    expect(recognise({ Aliases: [] }).shape).toBe('list-aliases');
    expect(recognise({ Configuration: {}, Code: {}, Tags: {} }).shape).toBe('get-function');
    expect(recognise({ UpdateRuntimeOn: 'Auto', FunctionArn: 'a', RuntimeVersionArn: null }).shape).toBe('get-runtime-management-config');
    expect(recognise({ FunctionArn: 'a', Version: '$LATEST', LastModified: 'x' }).shape).toBe('get-function-configuration');
    expect(recognise({ Layers: [] })).toEqual({ shape: undefined, keys: ['Layers'] });
  });
});
