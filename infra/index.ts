// Pulumi's entry point (Pulumi.yaml: main: infra/). The program lives in program.ts so that the
// unit tests can run it under mocks; Pulumi awaits the returned outputs and exports them.
import { deploySms2fa } from './program';

export = deploySms2fa;
