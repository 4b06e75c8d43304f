package io.hatchery.worker.load;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lists the binary names of the named classes of parsed sources in declaration order (outer before
 * nested, file by file), so users are listed in the order they were written, as Locust lists a
 * module's classes. Local and anonymous classes are not listed. Not thread-safe; one per scan.
 */
final class DeclarationOrder extends TreeScanner<Void, Void> {
  private final List<String> binaryNames = new ArrayList<>();
  private final Deque<String> enclosing = new ArrayDeque<>();

  private DeclarationOrder() {}

  static List<String> of(Iterable<? extends CompilationUnitTree> units) {
    DeclarationOrder order = new DeclarationOrder();
    for (CompilationUnitTree unit : units) {
      String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
      order.enclosing.clear();
      order.enclosing.push(packageName.isEmpty() ? "" : packageName + ".");
      order.scan(unit, null);
    }
    return order.binaryNames;
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    String simpleName = tree.getSimpleName().toString();
    if (simpleName.isEmpty()) {
      return null;
    }
    String prefix = enclosing.peek();
    String binaryName = prefix + simpleName;
    binaryNames.add(binaryName);
    enclosing.push(binaryName + "$");
    try {
      return super.visitClass(tree, unused);
    } finally {
      enclosing.pop();
    }
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    return null;
  }

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    return null;
  }
}
