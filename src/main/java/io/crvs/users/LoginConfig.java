package io.crvs.users;

import io.crvs.notifications.Channel;
import java.time.Duration;

/**
 * Login settings.
 *
 * @param userTokenTtl lifetime of a person's token ({@code CONFIG_TOKEN_EXPIRY_SECONDS}, 7 days)
 * @param codeTtl validity of a one-time code ({@code CONFIG_SMS_CODE_EXPIRY_SECONDS}, 10 minutes)
 * @param development accept the code {@code 000000} as OpenCRVS does outside production
 * @param channel how codes and other user notifications are delivered (email or SMS)
 */
public record LoginConfig(Duration userTokenTtl, Duration onboardingTokenTtl, Duration codeTtl, boolean development,
        Channel channel, int maxCodeFailures, int maxResends) {
}
