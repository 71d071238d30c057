import {
  BadRequestException,
  Catch,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';

/** The part of the Express response this filter touches. */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/**
 * Every 400 of the app in its error shape (`{ error, error_description }`), including a body that
 * Nest could not parse as JSON, which Nest would answer as `{ statusCode, message, error }` with
 * the parser's message. tokenward's own errors are `JwtHttpException`s and are not touched.
 */
@Catch(BadRequestException)
export class BadRequestFilter implements ExceptionFilter {
  catch(exception: BadRequestException, host: ArgumentsHost): void {
    const answer = exception.getResponse();
    const body =
      typeof answer === 'object' && answer !== null && 'error_description' in answer
        ? answer
        : { error: 'invalid_request', error_description: 'The request body could not be read' };
    host.switchToHttp().getResponse<JsonResponse>().status(400).json(body);
  }
}
