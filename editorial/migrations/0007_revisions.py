"""The workflow log becomes the one revision model: each step keeps the whole article (data in 0008)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_media_library'),
        ('editorial', '0006_editing_sessions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel('Transition', 'Revision'),
        migrations.AlterModelOptions(
            name='editingsession',
            options={'verbose_name': 'editing session', 'verbose_name_plural': 'editing sessions'},
        ),
        migrations.AlterModelOptions(
            name='revision',
            options={'ordering': ['-at', '-pk'], 'verbose_name': 'revision', 'verbose_name_plural': 'revisions'},
        ),
        migrations.AlterField(
            model_name='revision',
            name='article',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='articles.article'),
        ),
        migrations.AddField(
            model_name='revision',
            name='content',
            field=models.JSONField(blank=True, default=dict, verbose_name='content'),
        ),
        migrations.AddField(
            model_name='revision',
            name='outcome',
            field=models.CharField(blank=True, choices=[('open', 'waiting for review'), ('accepted', 'accepted'), ('partly', 'partly accepted'), ('rejected', 'rejected')], max_length=20, verbose_name='outcome'),
        ),
        migrations.AddField(
            model_name='revision',
            name='based_on',
            field=models.ForeignKey(blank=True, help_text='For a correction: the revision it was proposed against; for a decision or a restore: what it decided or restored.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.revision', verbose_name='based on'),
        ),
        migrations.AddIndex(
            model_name='revision',
            index=models.Index(condition=models.Q(('outcome', 'open')), fields=['article', 'by'], name='revision_open_proposal_idx'),
        ),
        migrations.CreateModel(
            name='Draft',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content', models.JSONField(default=dict)),
                ('saved_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('article', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.article')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('based_on', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.revision')),
            ],
            options={
                'verbose_name': 'autosaved draft',
                'verbose_name_plural': 'autosaved drafts',
                'constraints': [models.UniqueConstraint(fields=('user', 'article'), name='one_draft_per_person_and_article', nulls_distinct=False)],
            },
        ),
    ]
