package io.leadgate.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.concurrent.ThreadLocalRandom;

/** Helpers for REST Assured tests: the API key, and phone numbers no other test uses. */
public final class Api {

    public static final String KEY = "test-key";

    private Api() {
    }

    /** A request to /api/** with the test API key. */
    public static RequestSpecification api() {
        return RestAssured.given().header("X-Api-Key", KEY);
    }

    /** Ten random national digits of a Moscow mobile number, e.g. 916xxxxxxx. */
    public static String newMobileDigits() {
        return "916" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
