/** Public API of the OTP extractor; everything else in this folder is an implementation detail. */
export { extractOtp } from './extract';
export type { OtpExtraction, OtpExtractionOptions } from './extract';
export { OTP_CONFIDENCE_THRESHOLD } from './score';
