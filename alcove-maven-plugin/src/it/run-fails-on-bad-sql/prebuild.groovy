import dev.alcove.core.Alcove
import dev.alcove.core.context.GoalContext
import dev.alcove.core.run.RunEngine
import dev.alcove.core.run.RunOptions
import dev.alcove.core.select.Selection
import dev.alcove.core.store.Depot
import dev.alcove.core.store.LocalDirectoryStore
import dev.alcove.core.log.AlcoveLog
import java.util.function.Supplier

// Build a good version first, through the core, then break the definition.
def depot = { new Depot(new LocalDirectoryStore(new File(basedir, 'store').toPath(), 'store'), Optional.empty(), AlcoveLog.SILENT) } as Supplier
def context = GoalContext.builder().threads(1).store(depot).build()
def report = new RunEngine(context, Alcove.open(basedir.toPath()), new RunOptions(Selection.ALL, false, false)).run()
context.close()
assert report.succeeded()
new File(basedir, 'data/tables/independent/latest.parquet').delete()
new File(basedir, 'src/steps/tables/summary.sql').text = '-- now broken\nSELECT region,\n  FROM WHERE\n'
['parquet', 'meta.yaml'].each { new File(basedir, "summary.${it}.before").bytes = new File(basedir, "data/tables/summary/latest.${it}").bytes }
true
