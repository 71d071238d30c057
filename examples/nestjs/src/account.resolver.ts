import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Claim, Claims, Roles, type JwtClaims } from '@tokenward/nestjs';

/** Who the token says the caller is. */
@ObjectType()
export class Account {
  @Field(() => String)
  sub!: string;

  @Field(() => [String])
  roles!: string[];
}

/**
 * `/graphql`: the `me` query for any signed-in user, the `announce` mutation for admins. The
 * global JwtGuard verifies every operation; a refusal is a GraphQL error with
 * `extensions.code` (`UNAUTHENTICATED`, `FORBIDDEN`) and `extensions.tokenward`.
 */
@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account)
  me(@Claims() claims: JwtClaims): Account {
    return { sub: String(claims.sub), roles: Array.isArray(claims.roles) ? claims.roles : [] };
  }

  @Roles('admin')
  @Mutation(() => String)
  announce(@Args('message') message: string, @Claim('sub') sub: string): string {
    return `${sub} announced: ${message}`;
  }
}
