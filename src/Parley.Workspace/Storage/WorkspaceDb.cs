// The workspace database (decision 0027): Identity's tables plus the workspace records. Offers and releases are
// append-only here (SaveChanges refuses to modify or delete them) and in the database (triggers, SchemaSetup).
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Parley.Workspace.Storage;

/// <summary>The EF Core context of the workspace (SQLite by default, PostgreSQL when configured).</summary>
public sealed class WorkspaceDb(DbContextOptions<WorkspaceDb> options) : IdentityDbContext<WorkspaceUser>(options)
{
    /// <summary>Workspaces.</summary>
    public DbSet<WorkspaceRecord> Workspaces => Set<WorkspaceRecord>();
    /// <summary>Priced packages.</summary>
    public DbSet<PackageRecord> Packages => Set<PackageRecord>();
    /// <summary>Memberships.</summary>
    public DbSet<MembershipRecord> Memberships => Set<MembershipRecord>();
    /// <summary>Invitations (token hashes).</summary>
    public DbSet<InvitationRecord> Invitations => Set<InvitationRecord>();
    /// <summary>Private inputs.</summary>
    public DbSet<PrivateInputRecord> PrivateInputs => Set<PrivateInputRecord>();
    /// <summary>Offers (append-only).</summary>
    public DbSet<OfferRecord> Offers => Set<OfferRecord>();
    /// <summary>Releases (append-only).</summary>
    public DbSet<ReleaseRecord> Releases => Set<ReleaseRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<WorkspaceRecord>(e => { e.ToTable("workspaces"); e.HasKey(x => x.Id); e.Property(x => x.Id).HasMaxLength(32); });
        builder.Entity<PackageRecord>(e => { e.ToTable("packages"); e.HasKey(x => new { x.WorkspaceId, x.Index }); });
        builder.Entity<MembershipRecord>(e => { e.ToTable("memberships"); e.HasIndex(x => new { x.WorkspaceId, x.UserId }).IsUnique(); });
        builder.Entity<InvitationRecord>(e => { e.ToTable("invitations"); e.HasIndex(x => x.TokenHash).IsUnique(); });
        builder.Entity<PrivateInputRecord>(e => { e.ToTable("private_inputs"); e.HasKey(x => new { x.WorkspaceId, x.Party }); });
        builder.Entity<OfferRecord>(e => { e.ToTable("offers"); e.HasKey(x => new { x.WorkspaceId, x.Number }); });
        builder.Entity<ReleaseRecord>(e => { e.ToTable("releases"); e.HasKey(x => new { x.WorkspaceId, x.Number }); });
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The application-level half of append-only: a modified or deleted offer or release never reaches the database.</summary>
    private void RefuseRewrites()
    {
        foreach (var entry in ChangeTracker.Entries())
            if (entry.Entity is OfferRecord or ReleaseRecord && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new AppendOnlyViolationException(entry.Entity.GetType().Name);
    }
}

/// <summary>An attempt to rewrite the append-only history (an offer or a release).</summary>
public sealed class AppendOnlyViolationException(string record)
    : InvalidOperationException($"{record} rows are append-only: they cannot be updated or deleted");
