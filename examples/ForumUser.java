import io.hatchery.*;
import io.hatchery.http.*;

/**
 * Task sets: a forum visitor mostly reads threads (a nested {@link TaskSet} it leaves now and
 * then), and sometimes posts, which is a fixed sequence of steps ({@link SequentialTaskSet}).
 * {@code ./hatchery -f examples/ForumUser.java -H http://target -T reading} runs only the tasks
 * tagged "reading".
 */
@UserClass(weight = 2)
public class ForumUser extends HttpUser {
    @Override public WaitTime waitTime() { return WaitTime.between(0.5, 2); }

    @Tag("reading")
    @Task(weight = 1) void frontPage() { client.get("/"); }

    /** Reading threads until the visitor has had enough. */
    @Tag("reading")
    @Task(weight = 5)
    static class ReadThreads extends TaskSet {
        @Override public void onStart() { client().get("/forum"); }

        @Task(weight = 10) void readThread() {
            int id = (int) (Math.random() * 100);
            client().get("/forum/thread/" + id, Request.named("/forum/thread/[id]"));
        }

        @Task(weight = 1) void leave() { interrupt(); }   // back to ForumUser at once
    }

    /** Posting: open the form, submit, check the result, then hand control back. */
    @Tag("posting")
    @Task(weight = 1)
    static class Post extends SequentialTaskSet {
        @Override public WaitTime waitTime() { return WaitTime.constant(0.2); }

        @Task(order = 1) void openForm() { client().get("/forum/new"); }

        @Task(order = 2) void submit() {
            ForumUser user = user();   // typed access to the user, e.g. for its own fields
            user.client.post("/forum/new", Body.json("{\"title\":\"hi\",\"text\":\"hello\"}"));
        }

        @Task(order = 3) void done() { interrupt(false); }   // the parent waits before its next task
    }
}
