package io.crvs.app.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.crvs.auth.key.SigningKeys;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** The raw RS256 signing rate of the provider in use, on every core: the ceiling for tokens per second. */
final class SigningBench {
    private SigningBench() {
    }

    static double signaturesPerSecond(SigningKeys keys, int threads, double seconds) throws InterruptedException {
        var key = keys.current();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.kid()).build();
        var payload = "{\"scope\":[\"declare\",\"notification-api\"],\"iat\":1,\"exp\":601,\"sub\":\"bench\"}";
        var stop = new AtomicBoolean();
        var count = new LongAdder();
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                var signer = new RSASSASigner(key.privateKey());
                keys.crypto().provider().ifPresent(p -> signer.getJCAContext().setProvider(p));
                while (!stop.get()) {
                    try {
                        new JWSObject(header, new Payload(payload)).sign(signer);
                    } catch (JOSEException e) {
                        throw new IllegalStateException(e);
                    }
                    count.increment();
                }
            }));
        }
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (var worker : workers) {
            worker.join();
        }
        return count.sum() / ((System.nanoTime() - start) / 1e9);
    }
}
