import io.hatchery.*;
import io.hatchery.http.*;

/**
 * The quickstart: log in once per user, then mostly view items and sometimes say hello.
 * Run it with {@code ./hatchery -f examples/QuickstartUser.java -H http://target}.
 */
public class QuickstartUser extends HttpUser {
    @Override public WaitTime waitTime() { return WaitTime.between(1, 5); }

    @Override public void onStart() {
        client.post("/login", Body.json("{\"username\":\"foo\",\"password\":\"bar\"}"));
    }

    @Task public void helloWorld() { client.get("/hello"); client.get("/world"); }

    @Task(weight = 3) public void viewItems() {
        for (int id = 0; id < 10; id++) client.get("/item?id=" + id, Request.named("/item"));
    }
}
